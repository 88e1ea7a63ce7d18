using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Transport
{
    /// <summary>
    /// A response body whose reads end when the call's time is up or its caller cancels. Synchronous reads (the
    /// decoder's) go through the HTTP stream's cancellable asynchronous read: a blocked socket read could only be
    /// ended by disposing the stream, which the HTTP handler answers by draining the rest of the body.
    /// </summary>
    internal sealed class GuardedReadStream : ReadOnlyStream
    {
        private readonly Stream inner;
        private readonly ResponseBodyGuard guard;
        private bool anyRead;

        public GuardedReadStream(Stream inner, ResponseBodyGuard guard)
        {
            this.inner = inner;
            this.guard = guard;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            this.ThrowIfEnded();
            try
            {
                ValueTask<int> read = this.inner.ReadAsync(buffer.AsMemory(offset, count), this.guard.Token);
                return this.Count(read.IsCompletedSuccessfully ? read.Result : read.AsTask().GetAwaiter().GetResult(), count);
            }
            catch (Exception ex) when (this.guard.Token.IsCancellationRequested)
            {
                // Cancelling tears the connection down: whatever the read threw, the reason is the call's.
                throw this.guard.Ended(ex);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            this.ThrowIfEnded();
            using CancellationTokenSource? both = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, this.guard.Token) : null;
            try
            {
                return this.Count(await this.inner.ReadAsync(buffer, both?.Token ?? this.guard.Token).ConfigureAwait(false), buffer.Length);
            }
            catch (Exception ex) when (this.guard.Token.IsCancellationRequested)
            {
                throw this.guard.Ended(ex);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                this.inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read, int asked)
        {
            if (read == 0 && asked > 0 && !this.anyRead)
            {
                this.guard.EmptyBodyRead();
            }

            this.anyRead |= read > 0;
            return read;
        }

        private void ThrowIfEnded()
        {
            // A read that finds its bytes buffered never looks at the token: check it first, so decoding stops too.
            if (this.guard.Token.IsCancellationRequested)
            {
                throw this.guard.Ended();
            }
        }
    }
}
