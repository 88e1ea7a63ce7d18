using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Transport
{
    /// <summary>A response's content, the same headers and bytes, read through the call's <see cref="ResponseBodyGuard"/>.</summary>
    internal sealed class GuardedResponseContent : HttpContent
    {
        private readonly HttpContent inner;
        private readonly ResponseBodyGuard guard;

        public GuardedResponseContent(HttpContent inner, ResponseBodyGuard guard)
        {
            this.inner = inner;
            this.guard = guard;
            foreach (var header in inner.Headers)
            {
                this.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync()
            => this.guard.Guard(await this.inner.ReadAsStreamAsync().ConfigureAwait(false));

        protected override Stream CreateContentReadStream(CancellationToken cancellationToken)
            => this.guard.Guard(this.inner.ReadAsStream(cancellationToken));

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using Stream body = await this.CreateContentReadStreamAsync().ConfigureAwait(false);
            await body.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                this.inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
