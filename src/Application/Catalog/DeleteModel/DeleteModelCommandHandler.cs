using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.DeleteModel;

internal sealed class DeleteModelCommandHandler : IRequestHandler<DeleteModelCommand, Result<AdminMessage>>
{
    private readonly IModelStore _store;

    public DeleteModelCommandHandler(IModelStore store)
    {
        _store = store;
    }

    public async Task<Result<AdminMessage>> Handle(DeleteModelCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (StoredModelRules.Check(_store, command.Id) is { } refused)
        {
            return refused;
        }

        var deleted = await _store.DeleteAsync(command.Id!, cancellationToken).ConfigureAwait(false);
        return deleted.IsSuccess ? new AdminMessage(true, $"Model: {command.Id} deleted successfully") : deleted.Error!;
    }
}
