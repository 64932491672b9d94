using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.Authentication;

/// <summary>Turns a presented key into a <see cref="CallerIdentity"/>; the hot path's first step.</summary>
public interface IApiKeyAuthenticator
{
    ValueTask<Result<CallerIdentity>> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken);
}
