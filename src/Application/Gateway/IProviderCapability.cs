namespace LlmPlatform.Application.Gateway;

/// <summary>
/// An endpoint beyond chat that some providers speak (embeddings, rerank, images, ...). Each capability has its
/// own interface so a provider implements only what its upstream offers.
/// </summary>
public interface IProviderCapability
{
    /// <summary>The provider prefixes this adapter serves for its endpoint.</summary>
    IReadOnlyCollection<string> Providers { get; }
}
