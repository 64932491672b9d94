using System.Diagnostics;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Application.Common.Behaviours;

/// <summary>Logs the name, outcome and duration of each request; never its content, which may hold prompts or keys.</summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IFailable<TResponse>
{
    private readonly ILogger<LoggingBehaviour<TRequest, TResponse>> _logger;

    public LoggingBehaviour(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    {
        _logger = logger;
    }

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        _logger.IsEnabled(LogLevel.Debug) ? HandleLoggedAsync(next) : next();

    private async Task<TResponse> HandleLoggedAsync(RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next().ConfigureAwait(false);
        LogHandled(_logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Request} in {ElapsedMs} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs);
}
