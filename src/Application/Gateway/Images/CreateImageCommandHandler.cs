using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Images;

/// <summary>Routes an image generation; the prompt's tokens are its usage.</summary>
internal sealed class CreateImageCommandHandler
    : RoutedCallHandler<CreateImageCommand, IImageAdapter, ImageResponse>
{
    public CreateImageCommandHandler(RoutedCallServices services, IEnumerable<IImageAdapter> adapters)
        : base(services, adapters)
    {
    }

    protected override string CallType => "image_generation";

    protected override string EndpointName => "image generation";

    protected override ValueTask<Result<ImageResponse>> CallAsync(
        IImageAdapter adapter,
        ModelDeployment deployment,
        CreateImageCommand command,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        adapter.GenerateAsync(deployment, command.Request, timeout, cancellationToken);
}
