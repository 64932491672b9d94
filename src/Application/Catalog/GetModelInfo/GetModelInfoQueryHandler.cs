using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.GetModelInfo;

internal sealed class GetModelInfoQueryHandler : IRequestHandler<GetModelInfoQuery, Result<ModelInfoList>>
{
    private readonly IModelStore _store;

    public GetModelInfoQueryHandler(IModelStore store)
    {
        _store = store;
    }

    public Task<Result<ModelInfoList>> Handle(GetModelInfoQuery query, CancellationToken cancellationToken)
    {
        var views = VisibleEntries.Of(_store, query.Caller)
            .Where(e => query.ModelId is null || e.Deployment.Id == query.ModelId)
            .Select(ModelInfoView.Of)
            .ToList();
        return Task.FromResult(Result<ModelInfoList>.Success(new ModelInfoList(views)));
    }
}
