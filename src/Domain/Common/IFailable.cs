namespace LlmPlatform.Domain.Common;

/// <summary>A result type that can be built from an <see cref="Error"/>, so pipeline behaviours can fail a request without throwing.</summary>
public interface IFailable<TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf FromError(Error error);

    bool IsSuccess { get; }
}
