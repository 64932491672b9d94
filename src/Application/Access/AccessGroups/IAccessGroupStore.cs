namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>Model access groups in the system of record.</summary>
public interface IAccessGroupStore
{
    Task<bool> InsertAsync(AccessGroupInfo group, CancellationToken cancellationToken);

    Task<AccessGroupInfo?> FindAsync(string name, CancellationToken cancellationToken);

    Task UpdateAsync(AccessGroupInfo group, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessGroupInfo>> ListAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
