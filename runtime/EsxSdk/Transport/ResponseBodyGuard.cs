using System;
using System.IO;
using System.Threading;

namespace EsxSdk.Transport
{
    /// <summary>
    /// The time-out and cancellation of one call, applied to every read of its streamed response body. The body is
    /// decoded with synchronous reads after WCF has returned the reply, where neither WCF's time-out nor the caller's
    /// token reaches: each read here waits on the call's own deadline (set at the start of the call) and token, and
    /// ending it tears down that response's connection only, never the shared channel.
    /// </summary>
    internal sealed class ResponseBodyGuard : IDisposable
    {
        // The HTTP handler runs inside WCF's request, which flows the calling context: that is how it finds its call.
        private static readonly AsyncLocal<ResponseBodyGuard?> CurrentCall = new();

        private readonly CancellationTokenSource ended;
        private readonly CancellationToken callerToken;
        private readonly TimeSpan timeout;
        private Stream? body;
        private int disposed;

        private ResponseBodyGuard(TimeSpan timeout, CancellationToken callerToken)
        {
            this.timeout = timeout;
            this.callerToken = callerToken;
            this.ended = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            this.ended.CancelAfter(timeout);

            // Kept apart: the source's Token property throws once it is disposed, and a request the caller gave up on may read later.
            this.Token = this.ended.Token;
        }

        /// <summary>The guard of the call running in this context, or null outside a call.</summary>
        public static ResponseBodyGuard? Current => CurrentCall.Value;

        /// <summary>
        /// True when the body ended before its first byte: WCF's streamed reader does not say so itself (it fails on a
        /// null stream), so the transport asks here.
        /// </summary>
        public bool BodyWasEmpty { get; private set; }

        /// <summary>Cancelled when the call's time is up or its caller cancels.</summary>
        public CancellationToken Token { get; }

        /// <summary>Starts the clock of a call and makes it the current call of this context (and of the request it starts).</summary>
        public static ResponseBodyGuard Start(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var guard = new ResponseBodyGuard(timeout, cancellationToken);
            CurrentCall.Value = guard;
            return guard;
        }

        /// <summary>Wraps the call's response body so that every read obeys the call's time-out and token.</summary>
        public Stream Guard(Stream responseBody)
        {
            var guarded = new GuardedReadStream(responseBody, this);
            Interlocked.Exchange(ref this.body, guarded)?.Dispose();
            if (Volatile.Read(ref this.disposed) != 0)
            {
                // The call is over (its caller stopped waiting before the answer came): nobody will read this body.
                guarded.Dispose();
            }

            return guarded;
        }

        /// <summary>Notes that the body ended before its first byte.</summary>
        public void EmptyBodyRead() => this.BodyWasEmpty = true;

        /// <summary>Why reading stopped: the caller's cancellation, or a time-out the transport reports as one.</summary>
        public Exception Ended(Exception? cause = null) => this.callerToken.IsCancellationRequested
            ? new OperationCanceledException("The call was canceled while its response was read.", cause, this.callerToken)
            : new TimeoutException("The response did not arrive within the call's time-out of " + this.timeout + ".", cause);

        /// <summary>Ends the body (a connection with unread bytes is drained or closed by the HTTP handler) and stops the clock.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) != 0)
            {
                return;
            }

            Interlocked.Exchange(ref this.body, null)?.Dispose();
            this.ended.Dispose();
        }
    }
}
