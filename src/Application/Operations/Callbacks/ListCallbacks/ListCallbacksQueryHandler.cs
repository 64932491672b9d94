using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Callbacks.ListCallbacks;

internal sealed class ListCallbacksQueryHandler : IRequestHandler<ListCallbacksQuery, Result<IReadOnlyList<CallbackInfo>>>
{
    private const string Both = "success_and_failure";

    private readonly GatewaySettings _settings;
    private readonly CallbackEnvironment _environment;

    public ListCallbacksQueryHandler(PlatformConfiguration configuration, CallbackEnvironment environment)
    {
        _settings = configuration.Gateway;
        _environment = environment;
    }

    public Task<Result<IReadOnlyList<CallbackInfo>>> Handle(ListCallbacksQuery query, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayRead(query.Caller) is { } forbidden)
        {
            return Task.FromResult<Result<IReadOnlyList<CallbackInfo>>>(forbidden);
        }

        var callbacks = new List<CallbackInfo>();
        foreach (var name in _settings.Callbacks)
        {
            var onSuccess = _settings.SuccessCallbacks.Contains(name, StringComparer.Ordinal);
            var onFailure = _settings.FailureCallbacks.Contains(name, StringComparer.Ordinal);
            var type = onSuccess == onFailure ? Both : onSuccess ? "success" : "failure";
            callbacks.Add(new CallbackInfo { CallbackName = name, CallbackType = type, Source = "config", Description = "Named in litellm_settings." });
        }

        if (_environment.OtlpExport)
        {
            AddBuiltIn(callbacks, "otel", "OpenTelemetry traces and metrics exported over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT).");
        }

        AddBuiltIn(callbacks, "prometheus", "Request, token, cost and latency metrics at GET /metrics.");
        AddBuiltIn(callbacks, "webhook", "Events delivered to the registered webhooks.");
        return Task.FromResult<Result<IReadOnlyList<CallbackInfo>>>(callbacks);
    }

    private static void AddBuiltIn(List<CallbackInfo> callbacks, string name, string description)
    {
        if (!callbacks.Exists(c => c.CallbackName == name))
        {
            callbacks.Add(new CallbackInfo { CallbackName = name, CallbackType = Both, Source = "built_in", Description = description });
        }
    }
}
