namespace LlmPlatform.Application.Access.Users;

/// <summary>Users in the system of record.</summary>
public interface IUserStore
{
    Task<bool> InsertAsync(UserInfo user, CancellationToken cancellationToken);

    Task<UserInfo?> FindAsync(string userId, CancellationToken cancellationToken);

    Task UpdateAsync(UserInfo user, CancellationToken cancellationToken);

    Task<(IReadOnlyList<UserInfo> Users, int Total)> ListAsync(string? role, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Deletes the users, their keys and memberships; returns the key hashes that were deleted.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);
}
