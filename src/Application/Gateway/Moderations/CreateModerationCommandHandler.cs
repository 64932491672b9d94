using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Moderations;

/// <summary>Routes a moderation call; its usage is the counted input.</summary>
internal sealed class CreateModerationCommandHandler
    : RoutedCallHandler<CreateModerationCommand, IModerationsAdapter, ModerationResponse>
{
    public CreateModerationCommandHandler(RoutedCallServices services, IEnumerable<IModerationsAdapter> adapters)
        : base(services, adapters)
    {
    }

    protected override string CallType => "moderation";

    protected override string EndpointName => "moderations";

    protected override ValueTask<Result<ModerationResponse>> CallAsync(
        IModerationsAdapter adapter,
        ModelDeployment deployment,
        CreateModerationCommand command,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        adapter.ModerateAsync(deployment, command.Request, timeout, cancellationToken);
}
