using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Tasks;
using EsxSdk.Transport;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Microsoft.Extensions.Logging;

namespace EsxSdk.Session
{
    /// <summary>
    /// A connection to an ESXi host or vCenter: the SOAP transport, the service content, and a login
    /// session that survives expiry (one transparent re-login when the session is really gone).
    /// Every generated operation is on <see cref="Service"/>; the client itself is the <see cref="IVimInvoker"/>.
    /// </summary>
    public sealed partial class VimClient : IVimInvoker, IVimTaskHost, IAsyncDisposable
    {
        private static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");

        private readonly VimSoapTransport transport;
        private readonly Func<CancellationToken, ValueTask<NetworkCredential>>? credentials;
        private readonly VimClientOptions options;
        private readonly ILogger? logger;
        private readonly SemaphoreSlim loginGate = new(1, 1);
        private readonly CancellationTokenSource lifetime = new();
        private Task? keepAlive;
        private long lastActivityTicks;
        private int sessionGeneration;
        private int disposed;
        private int closed;

        private VimClient(VimConnectionUri uri, VimSoapTransport transport, Func<CancellationToken, ValueTask<NetworkCredential>>? credentials, VimClientOptions options)
        {
            this.ConnectionUri = uri;
            this.transport = transport;
            this.credentials = credentials;
            this.options = options;
            this.logger = options.Logger;
            this.Service = new VimService(this, this);
            this.ServiceContent = new ServiceContent();
            this.Outages = new VimOutagePolicy(options);
            this.Updates = new VimUpdateLoop(this, this.Outages, options.Timeout);
        }

        /// <summary>The client's single WaitForUpdatesEx loop, shared by every watcher (e.g. the task runner).</summary>
        public VimUpdateLoop Updates { get; }

        /// <summary>Every vim25 operation, sent through this client's session.</summary>
        public VimService Service { get; }

        /// <summary>Where the client is connected and with which policy flags.</summary>
        public VimConnectionUri ConnectionUri { get; }

        /// <summary>The question policy from the URI's <c>auto_answer</c> (false: report; true: answer with the default).</summary>
        public bool AutoAnswer => this.ConnectionUri.AutoAnswer;

        /// <summary>The server's service content (root folder, property collector, managers, about).</summary>
        public ServiceContent ServiceContent { get; private set; }

        /// <summary>The API version used in SOAPAction: the server's <c>about.apiVersion</c>, capped at the binding's WSDL version.</summary>
        public string ApiVersion => this.transport.ApiVersion;

        /// <summary>The logger from the options, for the client's helpers (never given secrets).</summary>
        internal ILogger? Logger => this.logger;

        /// <summary>How this client rides out an unreachable server (the options' outage window and back-off).</summary>
        internal VimOutagePolicy Outages { get; }

        /// <summary>Counts logins: session-scoped objects (property collectors, filters) made before a change are gone.</summary>
        internal int SessionGeneration => Volatile.Read(ref this.sessionGeneration);

        /// <summary>The current login session, or null before login and after logout.</summary>
        public UserSession? CurrentSession { get; private set; }

        /// <summary>Connects and, when <paramref name="credential"/> is given, logs in.</summary>
        public static Task<VimClient> ConnectAsync(string uri, NetworkCredential? credential, VimClientOptions? options = null, CancellationToken cancellationToken = default)
            => ConnectAsync(VimConnectionUri.Parse(uri), credential is null ? null : _ => ValueTask.FromResult(credential), options, cancellationToken);

        /// <summary>
        /// Connects and logs in with credentials from <paramref name="credentials"/> (asked again for each re-login);
        /// with null, only connects (call <see cref="LoginAsync"/> later or use anonymous calls).
        /// </summary>
        public static async Task<VimClient> ConnectAsync(VimConnectionUri uri, Func<CancellationToken, ValueTask<NetworkCredential>>? credentials, VimClientOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(uri);
            options ??= new VimClientOptions();
            uri.EnsurePlaintextAllowed();
            if (uri.IsPlaintextToRemoteHost && options.Logger is { } log)
            {
                VimClientLog.PlaintextAllowed(log, uri.SdkUri);
            }

            VimSoapTransport transport = await VimSoapTransport.OpenAsync(
                new VimTransportOptions(uri.SdkUri, options.Timeout, options.MaxResponseBytes, uri.NoVerify, uri.Thumbprint),
                VimTypeRegistry.Instance,
                StartupWarmUp.Pending ? FirstExchangeWarmUp(login: credentials is not null) : null,
                cancellationToken).ConfigureAwait(false);
            transport.ApiVersion = VimService.WsdlApiVersion;
            var client = new VimClient(uri, transport, credentials, options);
            try
            {
                await client.InitializeAsync(cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch
            {
                await client.DisposeCoreAsync(logout: false).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>
        /// The calls a connection makes first, with answers shaped like a server's: RetrieveServiceContent, then Login when it
        /// logs in (sample names only; no credential of the caller's is written, and nothing is sent).
        /// </summary>
        internal static StartupWarmUp FirstExchangeWarmUp(bool login)
        {
            var sessionManager = new ManagedObjectReference("SessionManager", "SessionManager");
            StartupWarmUp serviceContent = StartupWarmUp.For(
                "RetrieveServiceContent",
                new RetrieveServiceContentRequestType { This = ServiceInstance },
                new RetrieveServiceContentResponse
                {
                    Returnval = new ServiceContent
                    {
                        RootFolder = new ManagedObjectReference("Folder", "group-d1"),
                        PropertyCollector = new ManagedObjectReference("PropertyCollector", "propertyCollector"),
                        SessionManager = sessionManager,
                        About = new AboutInfo
                        {
                            Name = "EsxSdk warm-up",
                            FullName = "EsxSdk warm-up",
                            Vendor = "EsxSdk",
                            Version = VimService.WsdlApiVersion,
                            Build = "0",
                            OsType = "none",
                            ProductLineId = "none",
                            ApiType = "HostAgent",
                            ApiVersion = VimService.WsdlApiVersion,
                        },
                    },
                });
            if (!login)
            {
                return serviceContent;
            }

            var loginTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            return serviceContent.Then(
                "Login",
                new LoginRequestType { This = sessionManager, UserName = "warm-up", Password = "warm-up" },
                new LoginResponse
                {
                    Returnval = new UserSession
                    {
                        Key = "warm-up",
                        UserName = "warm-up",
                        FullName = "EsxSdk warm-up",
                        LoginTime = loginTime,
                        LastActiveTime = loginTime,
                        Locale = "en",
                        MessageLocale = "en",
                    },
                });
        }

        /// <summary>Logs in with the configured credentials (a no-op when already logged in).</summary>
        public async Task LoginAsync(CancellationToken cancellationToken = default)
        {
            if (this.CurrentSession is null)
            {
                await this.LoginCoreAsync(Volatile.Read(ref this.sessionGeneration), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Ends the session on the server. The update loop stops first (its long poll ended on the server while the session is
        /// still valid; watches fail with <see cref="ObjectDisposedException"/>), so a later <see cref="DisposeAsync"/> sends nothing.
        /// </summary>
        public async Task LogoutAsync(CancellationToken cancellationToken = default)
        {
            if (this.CurrentSession is not null && this.ServiceContent.SessionManager is { } sessionManager)
            {
                await this.Updates.StopAsync(destroyOnServer: true, "the client logged out").ConfigureAwait(false);
                await this.Service.LogoutAsync(sessionManager, cancellationToken).ConfigureAwait(false);
                this.CurrentSession = null;
            }
        }

        /// <summary>Logs out (best effort) and closes the connection.</summary>
        public ValueTask DisposeAsync() => this.DisposeCoreAsync(logout: true);

        /// <inheritdoc/>
        Task<object?> IVimTaskHost.RunTaskAsync(IReadOnlyList<ManagedObjectReference> targets, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
            => this.RunTaskAsync(targets, start, options, cancellationToken);

        /// <inheritdoc/>
        Task<TResponse> IVimInvoker.InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, CancellationToken cancellationToken)
            => this.InvokeAsync<TResponse>(operation, requestElement, request, null, cancellationToken);

        /// <summary>Sends with the session's retry rules; <paramref name="registry"/> null is the runtime's binding.</summary>
        private async Task<TResponse> InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, IVimTypeRegistry? registry, CancellationToken cancellationToken)
            where TResponse : class, IVimXmlSerializable, new()
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref this.closed) != 0, this);
            int generation = Volatile.Read(ref this.sessionGeneration);
            TResponse? answered = null;
            VimFaultException? refused = null;
            try
            {
                answered = await this.SendAsync<TResponse>(operation, requestElement, request, registry, cancellationToken).ConfigureAwait(false);

                // Property reads answer a lost session with NotAuthenticated per property (missingSet), not with a fault.
                if (!VimMissingProperties.ReportsNotAuthenticated(answered) || !this.CanLogInAgain(operation))
                {
                    return answered;
                }
            }
            catch (VimFaultException ex) when (ex.Fault is NotAuthenticated && this.CanLogInAgain(operation))
            {
                refused = ex;
            }

            // Another caller may have logged in since this call was sent (or be doing so): then just retry.
            if (await this.SessionReplacedSinceAsync(generation, cancellationToken).ConfigureAwait(false))
            {
                return await this.SendAsync<TResponse>(operation, requestElement, request, registry, cancellationToken).ConfigureAwait(false);
            }

            if (!await this.IsSessionGoneAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await this.SessionReplacedSinceAsync(generation, cancellationToken).ConfigureAwait(false))
                {
                    return await this.SendAsync<TResponse>(operation, requestElement, request, registry, cancellationToken).ConfigureAwait(false);
                }

                if (refused is null)
                {
                    // The session is valid: the per-property faults are real, and the caller surfaces them.
                    return answered!;
                }

                // A blind re-login would hide missing privileges: say what it is instead.
                if (this.logger is not null)
                {
                    VimClientLog.NotAuthorized(this.logger, operation, this.transport.Endpoint);
                }

                throw new VimFaultException(operation, refused.FaultCode, "the session is valid, so NotAuthenticated means the user lacks privileges for " + operation + " (" + refused.FaultString + ")", refused.Fault);
            }

            await this.LoginCoreAsync(generation, cancellationToken, expiredDuring: operation).ConfigureAwait(false);
            return await this.SendAsync<TResponse>(operation, requestElement, request, registry, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Waits for a login in flight, then says whether the session changed since <paramref name="generation"/>.</summary>
        private async Task<bool> SessionReplacedSinceAsync(int generation, CancellationToken cancellationToken)
        {
            await this.loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            this.loginGate.Release();
            return Volatile.Read(ref this.sessionGeneration) != generation;
        }

        private async Task InitializeAsync(CancellationToken cancellationToken)
        {
            this.ServiceContent = await this.Service.RetrieveServiceContentAsync(ServiceInstance, cancellationToken).ConfigureAwait(false);
            string serverVersion = this.ServiceContent.About?.ApiVersion ?? string.Empty;
            this.transport.ApiVersion = NegotiateVersion(serverVersion, VimService.WsdlApiVersion);
            if (this.logger is not null)
            {
                VimClientLog.Connected(this.logger, this.transport.Endpoint, this.ServiceContent.About?.FullName ?? "unknown", serverVersion, this.transport.ApiVersion);
            }

            if (this.credentials is not null)
            {
                await this.LoginCoreAsync(this.sessionGeneration, cancellationToken).ConfigureAwait(false);
            }

            if (this.options.KeepAliveInterval is { } interval)
            {
                this.keepAlive = this.KeepAliveAsync(interval, this.lifetime.Token);
            }
        }

        private async Task<TResponse> SendAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, IVimTypeRegistry? registry, CancellationToken cancellationToken)
            where TResponse : class, IVimXmlSerializable, new()
        {
            // Tags given at start, so samplers and listeners see them.
            using Activity? activity = VimTelemetry.Source.StartActivity(
                ActivityKind.Client,
                tags: [new("vim.operation", operation), new("server.address", this.transport.Endpoint.Host), new("server.port", this.transport.Endpoint.Port)],
                name: "vim25 " + operation);
            long started = Stopwatch.GetTimestamp();
            try
            {
                TResponse response = await this.transport.InvokeAsync<TResponse>(operation, requestElement, request, registry, cancellationToken).ConfigureAwait(false);
                if (this.logger is not null)
                {
                    VimClientLog.CallCompleted(this.logger, operation, this.transport.Endpoint, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                return response;
            }
            catch (Exception ex) when (ex is VimException)
            {
                string error = ex is VimFaultException fault ? fault.FaultTypeName : ex.GetType().Name;
                activity?.SetStatus(ActivityStatusCode.Error, error);
                activity?.SetTag("vim.fault", error);
                if (this.logger is not null)
                {
                    VimClientLog.CallFailed(this.logger, operation, this.transport.Endpoint, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
                }

                throw;
            }
            finally
            {
                Volatile.Write(ref this.lastActivityTicks, Environment.TickCount64);
            }
        }

        /// <summary>Logs in once for all callers that saw the session of <paramref name="observedGeneration"/> fail.</summary>
        private async Task LoginCoreAsync(int observedGeneration, CancellationToken cancellationToken, string? expiredDuring = null)
        {
            if (this.credentials is null || this.ServiceContent.SessionManager is not { } sessionManager)
            {
                throw new InvalidOperationException("No credentials were given to log in to " + this.transport.Endpoint + ".");
            }

            await this.loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref this.sessionGeneration) != observedGeneration)
                {
                    return;
                }

                if (expiredDuring is not null && this.logger is not null)
                {
                    VimClientLog.SessionExpired(this.logger, this.transport.Endpoint, expiredDuring);
                }

                NetworkCredential credential = await this.credentials(cancellationToken).ConfigureAwait(false);
                string userName = credential.UserName.Length > 0 ? credential.UserName : this.ConnectionUri.UserName ?? string.Empty;

                // A server refuses Login while the old session cookie is still sent.
                foreach (Cookie cookie in this.transport.Cookies.GetCookies(this.transport.Endpoint))
                {
                    cookie.Expired = true;
                }

                this.CurrentSession = await this.Service.LoginAsync(sessionManager, userName, credential.Password, this.options.Locale, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref this.sessionGeneration);
                if (this.logger is not null)
                {
                    VimClientLog.LoggedIn(this.logger, this.transport.Endpoint, userName);
                }
            }
            finally
            {
                this.loginGate.Release();
            }
        }

        /// <summary>Whether the server has no session for us (SessionManager.currentSession is empty or unreadable).</summary>
        private async Task<bool> IsSessionGoneAsync(CancellationToken cancellationToken)
        {
            if (this.ServiceContent.SessionManager is not { } sessionManager || this.ServiceContent.PropertyCollector is not { } collector)
            {
                return true;
            }

            var spec = new PropertyFilterSpec
            {
                PropSet = [new PropertySpec { Type = sessionManager.Type, PathSet = ["currentSession"] }],
                ObjectSet = [new ObjectSpec { Obj = sessionManager }],
            };
            try
            {
                var request = new RetrievePropertiesExRequestType { This = collector, SpecSet = [spec], Options = new RetrieveOptions() };
                RetrievePropertiesExResponse response = await this.SendAsync<RetrievePropertiesExResponse>("RetrievePropertiesEx", "RetrievePropertiesEx", request, null, cancellationToken).ConfigureAwait(false);
                return response.Returnval?.Objects.SelectMany(o => o.PropSet).FirstOrDefault(p => p.Name == "currentSession")?.Val is not UserSession;
            }
            catch (VimFaultException ex) when (ex.Fault is NotAuthenticated)
            {
                return true;
            }
        }

        private bool CanLogInAgain(string operation) => this.credentials is not null && this.CurrentSession is not null && operation is not ("Login" or "Logout" or "RetrieveServiceContent");

        private async Task KeepAliveAsync(TimeSpan interval, CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    long idle = Environment.TickCount64 - Volatile.Read(ref this.lastActivityTicks);
                    if (idle < interval.TotalMilliseconds || this.CurrentSession is null)
                    {
                        continue;
                    }

                    try
                    {
                        await this.Service.CurrentTimeAsync(ServiceInstance, cancellationToken).ConfigureAwait(false);
                    }
                    catch (VimException ex)
                    {
                        if (this.logger is not null)
                        {
                            VimClientLog.KeepAliveFailed(this.logger, this.transport.Endpoint, ex.Message);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disposed.
            }
        }

        private async ValueTask DisposeCoreAsync(bool logout)
        {
            if (Interlocked.Exchange(ref this.disposed, 1) != 0)
            {
                return;
            }

            await this.lifetime.CancelAsync().ConfigureAwait(false);
            await this.Updates.DisposeAsync().ConfigureAwait(false);
            if (this.keepAlive is not null)
            {
                await this.keepAlive.ConfigureAwait(false);
            }

            if (logout && this.CurrentSession is not null && this.ServiceContent.SessionManager is { } sessionManager)
            {
                try
                {
                    var request = new LogoutRequestType { This = sessionManager };
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await this.transport.InvokeAsync<LogoutResponse>("Logout", "Logout", request, null, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is VimException or OperationCanceledException)
                {
                    // Best effort: the server expires the session anyway.
                }

                this.CurrentSession = null;
            }

            // Calls are refused only now: the update loop and Logout above still needed the transport.
            Volatile.Write(ref this.closed, 1);
            await this.transport.DisposeAsync().ConfigureAwait(false);
            this.lifetime.Dispose();
            this.loginGate.Dispose();
        }

        /// <summary>The server's version, unless it is newer than the binding's WSDL: then the WSDL's.</summary>
        internal static string NegotiateVersion(string serverVersion, string wsdlVersion)
        {
            if (!Version.TryParse(serverVersion, out Version? server))
            {
                return wsdlVersion;
            }

            return Version.TryParse(wsdlVersion, out Version? wsdl) && Normalize(server) > Normalize(wsdl) ? wsdlVersion : serverVersion;

            static Version Normalize(Version v) => new(v.Major, v.Minor, Math.Max(0, v.Build), Math.Max(0, v.Revision));
        }
    }
}
