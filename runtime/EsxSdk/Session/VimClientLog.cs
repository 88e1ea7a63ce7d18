using System;
using Microsoft.Extensions.Logging;

namespace EsxSdk.Session
{
    /// <summary>The client's log messages. Never a password, cookie or session key.</summary>
    internal static partial class VimClientLog
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Operation} to {Endpoint} completed in {ElapsedMs} ms")]
        public static partial void CallCompleted(ILogger logger, string operation, Uri endpoint, double elapsedMs);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Operation} to {Endpoint} failed after {ElapsedMs} ms with {Error}")]
        public static partial void CallFailed(ILogger logger, string operation, Uri endpoint, double elapsedMs, string error);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Connected to {Endpoint}: {FullName}, API {ServerApiVersion}, speaking {ApiVersion}")]
        public static partial void Connected(ILogger logger, Uri endpoint, string fullName, string serverApiVersion, string apiVersion);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Logged in to {Endpoint} as {UserName}")]
        public static partial void LoggedIn(ILogger logger, Uri endpoint, string userName);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The session on {Endpoint} expired during {Operation}; logging in again")]
        public static partial void SessionExpired(ILogger logger, Uri endpoint, string operation);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Operation} on {Endpoint} was refused with NotAuthenticated although the session is valid: missing privileges")]
        public static partial void NotAuthorized(ILogger logger, string operation, Uri endpoint);

        [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Answered the question {Question} on {Target} with {Choice}: {Reason}")]
        public static partial void QuestionAnswered(ILogger logger, string question, string target, string choice, string reason);

        [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Connecting to {Endpoint} over plain HTTP (allow_plaintext=1): the password and the session cookie travel in clear text")]
        public static partial void PlaintextAllowed(ILogger logger, Uri endpoint);

        [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "The question {Question} on {Target} was answered elsewhere before our answer ({Error}); waiting on")]
        public static partial void QuestionAnsweredElsewhere(ILogger logger, string question, string target, string error);

        [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Keep-alive call to {Endpoint} failed: {Error}")]
        public static partial void KeepAliveFailed(ILogger logger, Uri endpoint, string error);
    }
}
