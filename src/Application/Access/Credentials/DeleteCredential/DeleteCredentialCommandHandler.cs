using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Credentials.DeleteCredential;

internal sealed class DeleteCredentialCommandHandler : IRequestHandler<DeleteCredentialCommand, Result<AdminMessage>>
{
    private readonly ICredentialStore _store;

    public DeleteCredentialCommandHandler(ICredentialStore store)
    {
        _store = store;
    }

    public async Task<Result<AdminMessage>> Handle(DeleteCredentialCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (string.IsNullOrWhiteSpace(command.CredentialName))
        {
            return CredentialErrors.NameRequired;
        }

        var current = _store.Find(command.CredentialName);
        if (current is { FromConfig: true })
        {
            return CredentialErrors.ReadOnly(command.CredentialName);
        }

        var deleted = await _store.DeleteAsync(command.CredentialName, cancellationToken).ConfigureAwait(false);
        return deleted.IsSuccess ? new AdminMessage(true, "Credential deleted successfully") : deleted.Error!;
    }
}
