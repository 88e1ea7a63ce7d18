using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Tests.Support;

namespace EsxSdk.Benchmarks.Soak
{
    /// <summary>One injected fault: what, when it began and ended (seconds since the soak started).</summary>
    internal sealed record SoakFault(string Kind, double Start, double End);

    /// <summary>
    /// Injects faults between the soak's client and the peer at random intervals: outages of the relay (connections
    /// refused), dropped connections, stalls (the Timeout applies), and session kills (TerminateSession from a second,
    /// direct client). Loopback only; it stops with its token.
    /// </summary>
    internal sealed class SoakChaos(TcpRelay relay, Func<Task> killSession, Random random, Stopwatch clock)
    {
        public ConcurrentQueue<SoakFault> Faults { get; } = new();

        public async Task RunAsync(TimeSpan longestOutage, CancellationToken cancellationToken)
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(6 + (random.NextDouble() * 9)), cancellationToken);
                    double start = clock.Elapsed.TotalSeconds;
                    double pick = random.NextDouble();
                    if (pick < 0.4)
                    {
                        TimeSpan outage = TimeSpan.FromSeconds(1 + (random.NextDouble() * (longestOutage.TotalSeconds - 1)));
                        relay.GoDown();
                        try
                        {
                            await Task.Delay(outage, cancellationToken);
                        }
                        finally
                        {
                            relay.ComeBack();
                        }

                        this.Faults.Enqueue(new SoakFault("outage", start, clock.Elapsed.TotalSeconds));
                    }
                    else if (pick < 0.6)
                    {
                        relay.DropConnections();
                        this.Faults.Enqueue(new SoakFault("reset", start, start));
                    }
                    else if (pick < 0.9)
                    {
                        await killSession();
                        this.Faults.Enqueue(new SoakFault("session kill", start, clock.Elapsed.TotalSeconds));
                    }
                    else
                    {
                        relay.Stalled = true;
                        relay.DropConnections();
                        try
                        {
                            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                        }
                        finally
                        {
                            relay.Stalled = false;
                            relay.DropConnections(); // stalled connections never answer: close them
                        }

                        this.Faults.Enqueue(new SoakFault("stall", start, clock.Elapsed.TotalSeconds));
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                relay.Stalled = false;
                relay.ComeBack();
            }
        }
    }
}
