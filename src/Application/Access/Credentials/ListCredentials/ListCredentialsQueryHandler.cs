using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Credentials.ListCredentials;

internal sealed class ListCredentialsQueryHandler : IRequestHandler<ListCredentialsQuery, Result<CredentialList>>
{
    private readonly ICredentialStore _store;

    public ListCredentialsQueryHandler(ICredentialStore store)
    {
        _store = store;
    }

    public Task<Result<CredentialList>> Handle(ListCredentialsQuery query, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayRead(query.Caller) is { } forbidden)
        {
            return Task.FromResult(Result<CredentialList>.Failure(forbidden));
        }

        var views = _store.List().Select(c => CredentialView.Of(c.Credential)).ToList();
        return Task.FromResult(Result<CredentialList>.Success(new CredentialList(views)));
    }
}
