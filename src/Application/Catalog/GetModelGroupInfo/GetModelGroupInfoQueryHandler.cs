using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.GetModelGroupInfo;

internal sealed class GetModelGroupInfoQueryHandler : IRequestHandler<GetModelGroupInfoQuery, Result<ModelGroupInfoList>>
{
    private readonly IModelStore _store;

    public GetModelGroupInfoQueryHandler(IModelStore store)
    {
        _store = store;
    }

    public Task<Result<ModelGroupInfoList>> Handle(GetModelGroupInfoQuery query, CancellationToken cancellationToken)
    {
        var groups = VisibleEntries.Of(_store, query.Caller)
            .Where(e => query.ModelGroup is null || e.Deployment.ModelName == query.ModelGroup)
            .GroupBy(e => e.Deployment.ModelName, StringComparer.Ordinal)
            .Select(g => ModelGroupInfoView.Of(g.Key, g.ToList()))
            .ToList();
        return Task.FromResult(Result<ModelGroupInfoList>.Success(new ModelGroupInfoList(groups)));
    }
}
