using System;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Transport;
using EsxSdk.Xml;

namespace EsxSdk.Session
{
    public sealed partial class VimClient
    {
        /// <summary>
        /// An invoker for a binding generated from your own WSDL (MSBuild items <c>VimWsdl</c>, property <c>VimNamespace</c>):
        /// it sends through this session (login, re-login, telemetry) and writes requests and reads responses with that
        /// binding's types, e.g. <c>new My.Vim55.VimService(client.ForBinding(My.Vim55.VimTypeRegistry.Instance))</c>.
        /// Faults are read with the runtime's binding (<see cref="VimFaultException.Fault"/>).
        /// </summary>
        public IVimInvoker ForBinding(IVimTypeRegistry registry) => new BindingInvoker(this, registry ?? throw new ArgumentNullException(nameof(registry)));

        private sealed class BindingInvoker(VimClient client, IVimTypeRegistry registry) : IVimInvoker
        {
            public Task<TResponse> InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, CancellationToken cancellationToken)
                where TResponse : class, IVimXmlSerializable, new()
                => client.InvokeAsync<TResponse>(operation, requestElement, request, registry, cancellationToken);
        }
    }
}
