using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Connector;

/// <summary>
/// The Connector dialect's groups (seed 004): teams named by integers. A group's authorised models are its team's
/// models, so the gateway's team check enforces them; a team with no models allows every model.
/// </summary>
internal sealed class ConnectorGroupHandler :
    IRequestHandler<SaveConnectorGroupCommand, Result<ConnectorGroup>>,
    IRequestHandler<DeleteConnectorGroupCommand, Result<bool>>,
    IRequestHandler<ListConnectorGroupsQuery, Result<ConnectorPage<ConnectorGroup>>>,
    IRequestHandler<ToggleConnectorGroupModelCommand, Result<string>>,
    IRequestHandler<ListConnectorGroupModelsQuery, Result<ConnectorPage<ConnectorModelLink>>>
{
    private readonly IMediator _mediator;
    private readonly IConnectorStore _store;

    public ConnectorGroupHandler(IMediator mediator, IConnectorStore store)
    {
        _mediator = mediator;
        _store = store;
    }

    public async Task<Result<ConnectorGroup>> Handle(SaveConnectorGroupCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        Result<TeamInfo> saved;
        if (request.Id is { } id)
        {
            var group = await _store.FindGroupAsync(id, cancellationToken).ConfigureAwait(false);
            if (group is null)
            {
                return ConnectorErrors.GroupNotFound(id);
            }

            saved = await _mediator.Send(new UpdateTeamCommand(new TeamFields { TeamId = group.TeamId, TeamAlias = request.Name }, caller), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            saved = await _mediator.Send(new CreateTeamCommand(new TeamFields { TeamAlias = request.Name }, caller), cancellationToken).ConfigureAwait(false);
        }

        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        var view = await _store.FindGroupByTeamAsync(saved.Value.TeamId, cancellationToken).ConfigureAwait(false);
        return view is null ? ConnectorErrors.GroupNotFound(request.Id) : view;
    }

    public async Task<Result<bool>> Handle(DeleteConnectorGroupCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var group = await _store.FindGroupAsync(request.Id!.Value, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return ConnectorErrors.GroupNotFound(request.Id);
        }

        // Deleting a team deletes its keys: a group with keys is refused rather than taking them along.
        var keys = await _store.CountKeysOfTeamAsync(group.TeamId, cancellationToken).ConfigureAwait(false);
        if (keys > 0)
        {
            return Error.Validation($"Group {group.Id} still has {keys} api key(s); move or delete them first.", "id");
        }

        var deleted = await _mediator.Send(new DeleteTeamsCommand([group.TeamId], caller), cancellationToken).ConfigureAwait(false);
        return deleted.IsSuccess ? true : deleted.Error!;
    }

    public async Task<Result<ConnectorPage<ConnectorGroup>>> Handle(ListConnectorGroupsQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        return await _store.ListGroupsAsync(request.Paging, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<string>> Handle(ToggleConnectorGroupModelCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var group = await _store.FindGroupAsync(request.GroupId!.Value, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return ConnectorErrors.GroupNotFound(request.GroupId);
        }

        var model = await _store.ModelNameAsync(request.ModelId!.Value, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ConnectorErrors.ModelNotFound(request.ModelId);
        }

        var bound = group.Models.Contains(model, StringComparer.Ordinal);
        var models = bound ? group.Models.Where(m => m != model).ToList() : [.. group.Models, model];
        var updated = await _mediator.Send(new UpdateTeamCommand(new TeamFields { TeamId = group.TeamId, Models = models }, caller), cancellationToken).ConfigureAwait(false);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        return bound ? "deleted" : "created";
    }

    public async Task<Result<ConnectorPage<ConnectorModelLink>>> Handle(ListConnectorGroupModelsQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var group = await _store.FindGroupAsync(request.GroupId!.Value, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return ConnectorErrors.GroupNotFound(request.GroupId);
        }

        var ids = await _store.ModelIdsByNameAsync(cancellationToken).ConfigureAwait(false);
        var links = group.Models
            .Select(m => new ConnectorModelLink { GroupId = group.Id, ModelId = ids.TryGetValue(m, out var id) ? id : null, ModelName = m })
            .ToList();
        return new ConnectorPage<ConnectorModelLink>(links, links.Count, links.Count, 0);
    }
}
