using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.GetModel;

internal sealed class GetModelQueryHandler : IRequestHandler<GetModelQuery, Result<ModelCard>>
{
    private readonly IModelCatalog _catalog;
    private readonly TimeProvider _time;

    public GetModelQueryHandler(IModelCatalog catalog, TimeProvider time)
    {
        _catalog = catalog;
        _time = time;
    }

    public Task<Result<ModelCard>> Handle(GetModelQuery request, CancellationToken cancellationToken)
    {
        // A model the caller may not use is answered as one that does not exist, as OpenAI does: the answer must not
        // tell a key which models others can reach.
        if (!_catalog.TryResolve(request.Model, out var group, out var deployments) || !request.Caller.MayUseModel(group))
        {
            return Task.FromResult(Result<ModelCard>.Failure(new Error(
                ErrorKind.NotFound,
                "model_not_found",
                $"The model '{request.Model}' does not exist or is not available to this key.",
                "model")));
        }

        return Task.FromResult(Result<ModelCard>.Success(ModelCards.Of(request.Model, deployments, _time)));
    }
}
