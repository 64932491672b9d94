using LlmPlatform.Application.Catalog;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Gateway.PassThrough;

/// <summary>
/// Picks a configured deployment of the provider that the caller may use, forwards the raw request to its base
/// URL with its credential, and publishes one usage event (the upstream's status decides success).
/// </summary>
internal sealed class PassThroughCommandHandler : IRequestHandler<PassThroughCommand, Result<PassThroughResponse>>
{
    private const string CallType = "pass_through";

    private readonly IModelCatalog _catalog;
    private readonly IPassThroughForwarder _forwarder;
    private readonly IUsageEventSink _usage;
    private readonly TimeProvider _time;

    public PassThroughCommandHandler(IModelCatalog catalog, IPassThroughForwarder forwarder, IUsageEventSink usage, TimeProvider time)
    {
        _catalog = catalog;
        _forwarder = forwarder;
        _usage = usage;
        _time = time;
    }

    public async Task<Result<PassThroughResponse>> Handle(PassThroughCommand command, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var configured = _catalog.AllDeployments
            .Where(d => string.Equals(d.Provider, command.Provider, StringComparison.Ordinal))
            .ToList();
        if (configured.Count == 0 || !_forwarder.Providers.Contains(command.Provider, StringComparer.Ordinal))
        {
            var notFound = new Error(
                ErrorKind.NotFound,
                "provider_not_configured",
                $"No deployment of the provider '{command.Provider}' is configured for pass-through on this gateway.",
                "provider");
            Publish(command, null, started, notFound);
            return notFound;
        }

        var deployment = configured.FirstOrDefault(d => command.Caller.MayUseModel(d.ModelName));
        if (deployment is null)
        {
            var forbidden = new Error(ErrorKind.Forbidden, "model_not_allowed", $"This key may not use any model of the provider '{command.Provider}'.", "provider");
            Publish(command, null, started, forbidden);
            return forbidden;
        }

        var forwarded = await _forwarder.ForwardAsync(deployment, command.Request, cancellationToken).ConfigureAwait(false);
        if (!forwarded.IsSuccess)
        {
            Publish(command, deployment, started, forwarded.Error);
            return forwarded;
        }

        var status = forwarded.Value.Status;
        Publish(command, deployment, started, status >= 400 ? new Error(ErrorKind.Upstream, "upstream_" + status, "The upstream answered with an error status.", null, status) : null);
        return forwarded;
    }

    private void Publish(PassThroughCommand command, ModelDeployment? deployment, DateTimeOffset started, Error? error) =>
        _usage.Publish(UsageRecord.Create(command, CallType, deployment?.ModelName, deployment, started, _time.GetUtcNow(), 0, 0, error, deployment is null ? 0 : 1));
}
