using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.UpdateModel;

internal sealed class UpdateModelCommandHandler : IRequestHandler<UpdateModelCommand, Result<ModelInfoView>>
{
    private readonly IModelStore _store;

    public UpdateModelCommandHandler(IModelStore store)
    {
        _store = store;
    }

    public async Task<Result<ModelInfoView>> Handle(UpdateModelCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (StoredModelRules.Check(_store, command.Id) is { } refused)
        {
            return refused;
        }

        var updated = await _store.UpdateAsync(command.Id!, command.Changes, cancellationToken).ConfigureAwait(false);
        return updated.Map(ModelInfoView.Of);
    }
}
