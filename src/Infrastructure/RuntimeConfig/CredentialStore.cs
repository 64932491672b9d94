using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Credentials;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Security;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>Credentials: read from memory, stored with every value encrypted, effective on every node after a change.</summary>
internal sealed class CredentialStore : ICredentialStore
{
    private readonly PlatformConfiguration _configuration;
    private readonly RuntimeConfiguration _runtime;
    private readonly RuntimeConfigRepository _repository;
    private readonly CredentialCipher _cipher;

    public CredentialStore(PlatformConfiguration configuration, RuntimeConfiguration runtime, RuntimeConfigRepository repository, CredentialCipher cipher)
    {
        _configuration = configuration;
        _runtime = runtime;
        _repository = repository;
        _cipher = cipher;
    }

    public bool CanEncrypt => _cipher.IsConfigured;

    public IReadOnlyList<StoredCredential> List() =>
        _configuration.Credentials.Select(c => new StoredCredential(c, true))
            .Concat(_runtime.State.Credentials.Select(c => new StoredCredential(c, false)))
            .ToList();

    public StoredCredential? Find(string name) => List().FirstOrDefault(c => c.Credential.Name == name);

    public async Task<Result<Unit>> AddAsync(Credential credential, CancellationToken cancellationToken)
    {
        if (Find(credential.Name) is not null || !await _repository.InsertCredentialAsync(Encrypt(credential), cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict($"A credential named '{credential.Name}' already exists; use /credentials/update to change it.");
        }

        await _runtime.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }

    public async Task<Result<Unit>> ReplaceAsync(Credential credential, CancellationToken cancellationToken)
    {
        if (!await _repository.UpdateCredentialAsync(Encrypt(credential), cancellationToken).ConfigureAwait(false))
        {
            return CredentialErrors.NotFound(credential.Name);
        }

        await _runtime.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }

    public async Task<Result<Unit>> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!await _repository.DeleteCredentialAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return CredentialErrors.NotFound(name);
        }

        await _runtime.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }

    private CredentialRow Encrypt(Credential credential)
    {
        var values = new JsonObject();
        foreach (var (field, value) in credential.Values)
        {
            values[field] = _cipher.Encrypt(value, StorageContexts.Credential(credential.Name, field));
        }

        return new CredentialRow(credential.Name, values.ToJsonString(), credential.InfoJson);
    }
}
