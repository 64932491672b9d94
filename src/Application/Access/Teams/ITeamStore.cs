namespace LlmPlatform.Application.Access.Teams;

/// <summary>Teams and their members in the system of record.</summary>
public interface ITeamStore
{
    Task<bool> InsertAsync(TeamInfo team, CancellationToken cancellationToken);

    Task<TeamInfo?> FindAsync(string teamId, CancellationToken cancellationToken);

    Task UpdateAsync(TeamInfo team, CancellationToken cancellationToken);

    /// <summary>Teams, optionally of one organization or with one member.</summary>
    Task<IReadOnlyList<TeamInfo>> ListAsync(string? organizationId, string? memberUserId, CancellationToken cancellationToken);

    Task UpsertMemberAsync(string teamId, string userId, string role, CancellationToken cancellationToken);

    Task<bool> RemoveMemberAsync(string teamId, string userId, CancellationToken cancellationToken);

    /// <summary>Deletes the teams and their keys; returns the key hashes that were deleted.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<string> teamIds, CancellationToken cancellationToken);
}
