using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.Credentials;

/// <summary>
/// The credentials in force (the configuration file's and the stored ones, read from memory) and their storage,
/// encrypted at rest. Every change takes effect on every node without a restart.
/// </summary>
public interface ICredentialStore
{
    /// <summary>Whether an encryption key is configured; without one no credential can be stored.</summary>
    bool CanEncrypt { get; }

    IReadOnlyList<StoredCredential> List();

    StoredCredential? Find(string name);

    /// <summary>Stores a new credential; a name already in use is a conflict.</summary>
    Task<Result<Unit>> AddAsync(Credential credential, CancellationToken cancellationToken);

    /// <summary>Replaces a stored credential; an unknown name is not found.</summary>
    Task<Result<Unit>> ReplaceAsync(Credential credential, CancellationToken cancellationToken);

    Task<Result<Unit>> DeleteAsync(string name, CancellationToken cancellationToken);
}
