using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Images;

/// <summary>Generates images from a prompt for one caller.</summary>
public sealed record CreateImageCommand(ImageRequest Request, CallerIdentity Caller, string RequestId)
    : ICommand<ImageResponse>, IRoutedCommand
{
    public CallReceipt Receipt { get; } = new();

    public string? RequestedModel => Request.Model;

    public string? EndUser => Request.User;

    public int? MaxOutputTokens => 0;

    public int EstimatePromptTokens(ITokenCounter counter) => counter.CountText(Request.Prompt);
}
