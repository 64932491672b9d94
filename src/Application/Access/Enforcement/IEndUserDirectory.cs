namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>End users for the hot path: cached, so a known end user costs no database call per request.</summary>
public interface IEndUserDirectory
{
    ValueTask<EndUserState?> FindAsync(string endUserId, CancellationToken cancellationToken);
}
