using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Routing.GetRouterSettings;

internal sealed class GetRouterSettingsQueryHandler : IRequestHandler<GetRouterSettingsQuery, Result<RouterSettingsView>>
{
    private readonly IRouterSettingsStore _store;

    public GetRouterSettingsQueryHandler(IRouterSettingsStore store)
    {
        _store = store;
    }

    public Task<Result<RouterSettingsView>> Handle(GetRouterSettingsQuery query, CancellationToken cancellationToken)
    {
        Result<RouterSettingsView> result = AdminGuard.MayRead(query.Caller) is { } forbidden
            ? forbidden
            : RouterSettingsView.Of(_store.Current);
        return Task.FromResult(result);
    }
}
