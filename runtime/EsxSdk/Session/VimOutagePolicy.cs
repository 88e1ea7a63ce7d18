using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Session
{
    /// <summary>
    /// How a client rides out an unreachable server: retries with capped exponential back-off and jitter until
    /// <see cref="VimClientOptions.OutageWindow"/> has passed since the first failure, then one error naming the outage.
    /// A call in flight adds at most <see cref="VimClientOptions.Timeout"/>, so a waiter's bound is window + timeout.
    /// </summary>
    internal sealed class VimOutagePolicy(VimClientOptions options)
    {
        /// <summary>How long an outage is ridden out.</summary>
        public TimeSpan Window => options.OutageWindow;

        /// <summary>The delay before retry <paramref name="attempt"/> (1-based): doubled per attempt, capped, with jitter so clients do not retry in step.</summary>
        public TimeSpan DelayFor(int attempt)
        {
            double exponential = options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
            double capped = Math.Min(exponential, options.MaxReconnectDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
        }

        /// <summary>
        /// Waits before the next retry of an outage that began at <paramref name="outageStart"/> (a Stopwatch timestamp);
        /// false when the window has passed (no wait then).
        /// </summary>
        public async Task<bool> WaitBeforeRetryAsync(long outageStart, int attempt, CancellationToken cancellationToken)
        {
            TimeSpan down = Stopwatch.GetElapsedTime(outageStart);
            if (down >= this.Window)
            {
                return false;
            }

            TimeSpan delay = this.DelayFor(attempt);
            TimeSpan left = this.Window - down;
            await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>Runs <paramref name="call"/>, retrying it through an outage of up to <see cref="Window"/>.</summary>
        /// <param name="call">An idempotent call (a read, a filter, an answer whose loss is detected).</param>
        /// <param name="what">What the caller was doing, for the error (e.g. "waiting for task task-12").</param>
        /// <param name="cancellationToken">Stops retrying.</param>
        /// <param name="onlyUnsent">Retry only failures that certainly sent nothing (<see cref="VimConnectionException.RequestNotSent"/>): for calls that must not run twice.</param>
        public async Task<T> RideOutAsync<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken cancellationToken, bool onlyUnsent = false)
        {
            long? outageStart = null;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await call(cancellationToken).ConfigureAwait(false);
                }
                catch (VimConnectionException ex) when (!onlyUnsent || ex.RequestNotSent)
                {
                    outageStart ??= Stopwatch.GetTimestamp();
                    if (!await this.WaitBeforeRetryAsync(outageStart.Value, attempt, cancellationToken).ConfigureAwait(false))
                    {
                        throw this.Expired(ex, what, Stopwatch.GetElapsedTime(outageStart.Value));
                    }
                }
            }
        }

        /// <summary>Runs <paramref name="call"/> (no result), retrying it through an outage of up to <see cref="Window"/>.</summary>
        public Task RideOutAsync(Func<CancellationToken, Task> call, string what, CancellationToken cancellationToken)
            => this.RideOutAsync(
                async ct =>
                {
                    await call(ct).ConfigureAwait(false);
                    return true;
                },
                what,
                cancellationToken);

        /// <summary>The error once an outage outlasted the window.</summary>
        public VimConnectionException Expired(VimConnectionException last, string what, TimeSpan down) => new(
            "The server at " + last.Endpoint + " was unreachable for " + Format(down) + " (the outage window is " + Format(this.Window)
            + ") while " + what + ". Last error: " + last.Message,
            last.Endpoint,
            last.Operation,
            last.RequestNotSent,
            last);

        /// <summary>A duration as people read it: 750 ms, 12.5 s, 5.0 min.</summary>
        public static string Format(TimeSpan duration) => duration.TotalSeconds < 1
            ? ((int)duration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms"
            : duration.TotalMinutes < 2
                ? duration.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s"
                : duration.TotalMinutes.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " min";
    }
}
