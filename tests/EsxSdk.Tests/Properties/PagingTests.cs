using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Transport;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Properties
{
    /// <summary>The RetrievePropertiesEx / ContinueRetrievePropertiesEx paging loop, against a scripted invoker.</summary>
    public sealed class PagingTests
    {
        private static readonly ManagedObjectReference Collector = new("PropertyCollector", "propertyCollector");

        [Fact]
        public async Task Pages_are_followed_by_token_until_the_last_one()
        {
            var server = new PagingServer(pageCount: 3, perPage: 2);

            List<ObjectContent> all = await ToListAsync(new VimService(server).RetrieveAsync(Collector, [new PropertyFilterSpec()], pageSize: 2));

            Assert.Equal(Enumerable.Range(0, 6).Select(i => "vm-" + i), all.Select(o => o.Obj!.Value));
            Assert.Equal(["RetrievePropertiesEx", "ContinueRetrievePropertiesEx", "ContinueRetrievePropertiesEx"], server.Calls);
            Assert.Equal(2, server.LastMaxObjects);
        }

        [Fact]
        public async Task Leaving_early_cancels_the_result_set_on_the_server()
        {
            var server = new PagingServer(pageCount: 3, perPage: 2);

            await foreach (ObjectContent _ in new VimService(server).RetrieveAsync(Collector, [new PropertyFilterSpec()]))
            {
                break;
            }

            Assert.Equal(["RetrievePropertiesEx", "CancelRetrievePropertiesEx"], server.Calls);
            Assert.Equal("page-1", server.CanceledToken);
        }

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (T item in items)
            {
                list.Add(item);
            }

            return list;
        }

        /// <summary>Answers RetrievePropertiesEx with page 0 and a token, ContinueRetrievePropertiesEx with the next pages.</summary>
        private sealed class PagingServer(int pageCount, int perPage) : IVimInvoker
        {
            public List<string> Calls { get; } = [];

            public int? LastMaxObjects { get; private set; }

            public string? CanceledToken { get; private set; }

            public Task<TResponse> InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, CancellationToken cancellationToken)
                where TResponse : class, IVimXmlSerializable, new()
            {
                this.Calls.Add(operation);
                object response = request switch
                {
                    RetrievePropertiesExRequestType first => this.First(first),
                    ContinueRetrievePropertiesExRequestType next => new ContinueRetrievePropertiesExResponse { Returnval = this.Page(int.Parse(next.Token!["page-".Length..], System.Globalization.CultureInfo.InvariantCulture)) },
                    CancelRetrievePropertiesExRequestType cancel => this.Cancel(cancel),
                    _ => throw new InvalidOperationException("unexpected " + operation),
                };
                return Task.FromResult((TResponse)response);
            }

            private RetrievePropertiesExResponse First(RetrievePropertiesExRequestType request)
            {
                this.LastMaxObjects = request.Options?.MaxObjects;
                return new RetrievePropertiesExResponse { Returnval = this.Page(0) };
            }

            private CancelRetrievePropertiesExResponse Cancel(CancelRetrievePropertiesExRequestType request)
            {
                this.CanceledToken = request.Token;
                return new CancelRetrievePropertiesExResponse();
            }

            private RetrieveResult Page(int index) => new()
            {
                Token = index + 1 < pageCount ? "page-" + (index + 1) : null,
                Objects = [.. Enumerable.Range(index * perPage, perPage).Select(i => new ObjectContent { Obj = new ManagedObjectReference("VirtualMachine", "vm-" + i) })],
            };
        }
    }
}
