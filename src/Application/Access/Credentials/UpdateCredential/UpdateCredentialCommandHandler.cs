using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Credentials.UpdateCredential;

internal sealed class UpdateCredentialCommandHandler : IRequestHandler<UpdateCredentialCommand, Result<AdminMessage>>
{
    private readonly ICredentialStore _store;

    public UpdateCredentialCommandHandler(ICredentialStore store)
    {
        _store = store;
    }

    public async Task<Result<AdminMessage>> Handle(UpdateCredentialCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (string.IsNullOrWhiteSpace(command.CredentialName))
        {
            return CredentialErrors.NameRequired;
        }

        if (!_store.CanEncrypt)
        {
            return CredentialErrors.NoEncryptionKey;
        }

        var current = _store.Find(command.CredentialName);
        if (current is null)
        {
            return CredentialErrors.NotFound(command.CredentialName);
        }

        if (current.FromConfig)
        {
            return CredentialErrors.ReadOnly(command.CredentialName);
        }

        var updated = current.Credential.Update(command.CredentialValues, command.CredentialInfoJson);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        var stored = await _store.ReplaceAsync(updated.Value, cancellationToken).ConfigureAwait(false);
        return stored.IsSuccess ? new AdminMessage(true, "Credential updated successfully") : stored.Error!;
    }
}
