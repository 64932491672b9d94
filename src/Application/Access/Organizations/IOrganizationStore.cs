namespace LlmPlatform.Application.Access.Organizations;

/// <summary>Organizations and their members in the system of record.</summary>
public interface IOrganizationStore
{
    Task InsertAsync(OrganizationInfo organization, CancellationToken cancellationToken);

    Task<OrganizationInfo?> FindAsync(string organizationId, CancellationToken cancellationToken);

    Task UpdateAsync(OrganizationInfo organization, CancellationToken cancellationToken);

    Task<IReadOnlyList<OrganizationInfo>> ListAsync(string? memberUserId, CancellationToken cancellationToken);

    Task UpsertMemberAsync(string organizationId, string userId, string role, CancellationToken cancellationToken);

    Task<bool> RemoveMemberAsync(string organizationId, string userId, CancellationToken cancellationToken);

    /// <summary>Deletes the organizations; their teams and keys lose the link. Returns the key hashes affected.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<string> organizationIds, CancellationToken cancellationToken);
}
