using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Credentials.GetCredential;

internal sealed class GetCredentialQueryHandler : IRequestHandler<GetCredentialQuery, Result<CredentialView>>
{
    private readonly ICredentialStore _store;

    public GetCredentialQueryHandler(ICredentialStore store)
    {
        _store = store;
    }

    public Task<Result<CredentialView>> Handle(GetCredentialQuery query, CancellationToken cancellationToken)
    {
        Result<CredentialView> result = AdminGuard.MayRead(query.Caller) is { } forbidden ? forbidden
            : string.IsNullOrWhiteSpace(query.CredentialName) ? CredentialErrors.NameRequired
            : _store.Find(query.CredentialName) is { } found ? CredentialView.Of(found.Credential)
            : CredentialErrors.NotFound(query.CredentialName);
        return Task.FromResult(result);
    }
}
