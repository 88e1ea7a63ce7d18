using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Serialization;
using EsxSdk.Benchmarks.XmlSerializerBinding;
using EsxSdk.Transport;

namespace EsxSdk.Benchmarks.Clients
{
    /// <summary>
    /// The classic .NET vim25 client: requests and responses are the generated XmlSerializer twins, and the
    /// serializers for the whole contract are built in one batch on first use — what WCF's
    /// XmlSerializerOperationBehavior does for an svcutil proxy (one XmlSerializer.FromMappings over every
    /// operation's messages, with the contract's [XmlInclude] types).
    /// </summary>
    public sealed class XmlSerializerVimClient
    {
        private readonly ISoapChannel channel;
        private readonly IReadOnlyDictionary<Type, XmlSerializer> requests;
        private readonly IReadOnlyDictionary<Type, XmlSerializer> responses;

        public XmlSerializerVimClient(ISoapChannel channel, XmlSerializerContract contract)
        {
            this.channel = channel ?? throw new ArgumentNullException(nameof(channel));
            ArgumentNullException.ThrowIfNull(contract);
            this.requests = contract.Requests;
            this.responses = contract.Responses;
        }

        /// <summary>Sends <paramref name="request"/> (a twin request type) and reads the twin response.</summary>
        public Task<TResponse> InvokeAsync<TResponse>(object request, CancellationToken cancellationToken = default)
            where TResponse : class
        {
            ArgumentNullException.ThrowIfNull(request);
            XmlSerializer requestSerializer = this.requests[request.GetType()];
            XmlSerializer responseSerializer = this.responses[typeof(TResponse)];
            return this.channel.CallAsync(
                writer => requestSerializer.Serialize(writer, request),
                reader => (TResponse)responseSerializer.Deserialize(reader)!,
                cancellationToken);
        }

        public Task<RetrieveServiceContentResponse> RetrieveServiceContentAsync(CancellationToken cancellationToken = default)
            => this.InvokeAsync<RetrieveServiceContentResponse>(
                new RetrieveServiceContentRequestType { This = new ManagedObjectReference { Type = "ServiceInstance", Value = "ServiceInstance" } },
                cancellationToken);

        public Task<LoginResponse> LoginAsync(ManagedObjectReference sessionManager, string userName, string password, CancellationToken cancellationToken = default)
            => this.InvokeAsync<LoginResponse>(new LoginRequestType { This = sessionManager, UserName = userName, Password = password }, cancellationToken);
    }

    /// <summary>The XmlSerializers of every vim25 operation, keyed by twin request and response type.</summary>
    public sealed class XmlSerializerContract
    {
        private XmlSerializerContract(Dictionary<Type, XmlSerializer> requests, Dictionary<Type, XmlSerializer> responses)
        {
            this.Requests = requests;
            this.Responses = responses;
        }

        public IReadOnlyDictionary<Type, XmlSerializer> Requests { get; }

        public IReadOnlyDictionary<Type, XmlSerializer> Responses { get; }

        /// <summary>
        /// Imports the request and response element of every operation (or of <paramref name="only"/>) and builds
        /// their serializers at once; <paramref name="includeAllTypes"/> adds the contract's [XmlInclude] types.
        /// </summary>
        public static XmlSerializerContract Build(IReadOnlyCollection<string>? only = null, bool includeAllTypes = true)
        {
            var importer = new XmlReflectionImporter(VimXmlSerializerContract.Namespace);
            if (includeAllTypes)
            {
                foreach (Type type in VimXmlSerializerContract.KnownTypes)
                {
                    importer.IncludeType(type);
                }
            }

            var operations = VimXmlSerializerContract.Operations.Where(o => only is null || only.Contains(o.Operation)).ToList();
            var mappings = new XmlMapping[operations.Count * 2];
            for (int i = 0; i < operations.Count; i++)
            {
                var operation = operations[i];
                mappings[2 * i] = importer.ImportTypeMapping(operation.Request, new XmlRootAttribute(operation.RequestElement) { Namespace = VimXmlSerializerContract.Namespace });
                mappings[(2 * i) + 1] = importer.ImportTypeMapping(operation.Response, new XmlRootAttribute(operation.ResponseElement) { Namespace = VimXmlSerializerContract.Namespace });
            }

            XmlSerializer?[] serializers = XmlSerializer.FromMappings(mappings);
            var requests = new Dictionary<Type, XmlSerializer>();
            var responses = new Dictionary<Type, XmlSerializer>();
            for (int i = 0; i < operations.Count; i++)
            {
                requests[operations[i].Request] = serializers[2 * i] ?? throw new InvalidOperationException("No serializer for " + operations[i].Operation);
                responses[operations[i].Response] = serializers[(2 * i) + 1] ?? throw new InvalidOperationException("No serializer for " + operations[i].Operation);
            }

            return new XmlSerializerContract(requests, responses);
        }
    }
}
