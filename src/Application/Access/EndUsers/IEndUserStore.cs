namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>End users in the system of record.</summary>
public interface IEndUserStore
{
    Task<bool> InsertAsync(EndUserInfo endUser, CancellationToken cancellationToken);

    Task<EndUserInfo?> FindAsync(string userId, CancellationToken cancellationToken);

    Task UpdateAsync(EndUserInfo endUser, CancellationToken cancellationToken);

    /// <summary>Sets the blocked flag, creating the end user when it does not exist yet, in one atomic step.</summary>
    Task SetBlockedAsync(string userId, bool blocked, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<EndUserInfo>> ListAsync(CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);
}
