using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Credentials.CreateCredential;

internal sealed class CreateCredentialCommandHandler : IRequestHandler<CreateCredentialCommand, Result<AdminMessage>>
{
    private readonly ICredentialStore _store;

    public CreateCredentialCommandHandler(ICredentialStore store)
    {
        _store = store;
    }

    public async Task<Result<AdminMessage>> Handle(CreateCredentialCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (!_store.CanEncrypt)
        {
            return CredentialErrors.NoEncryptionKey;
        }

        var credential = Credential.Create(command.CredentialName, command.CredentialValues, command.CredentialInfoJson);
        if (!credential.IsSuccess)
        {
            return credential.Error!;
        }

        var added = await _store.AddAsync(credential.Value, cancellationToken).ConfigureAwait(false);
        return added.IsSuccess ? new AdminMessage(true, "Credential created successfully") : added.Error!;
    }
}
