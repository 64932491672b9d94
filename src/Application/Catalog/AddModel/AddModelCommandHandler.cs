using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.AddModel;

internal sealed class AddModelCommandHandler : IRequestHandler<AddModelCommand, Result<ModelInfoView>>
{
    private readonly IModelStore _store;

    public AddModelCommandHandler(IModelStore store)
    {
        _store = store;
    }

    public async Task<Result<ModelInfoView>> Handle(AddModelCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        var added = await _store.AddAsync(command.Entry, cancellationToken).ConfigureAwait(false);
        return added.Map(ModelInfoView.Of);
    }
}
