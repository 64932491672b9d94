using LlmPlatform.Application.Access;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Billing.Credits;

/// <summary>
/// A team's credits: its key (or an admin) reads the balance and the transactions; only an admin adds credits.
/// </summary>
internal sealed class CreditHandler :
    IRequestHandler<GetCreditBalanceQuery, Result<CreditAccount>>,
    IRequestHandler<AddCreditsCommand, Result<CreditAddition>>,
    IRequestHandler<ListCreditTransactionsQuery, Result<CreditTransactionList>>
{
    private readonly ICreditStore _credits;
    private readonly ITeamStore _teams;
    private readonly TimeProvider _time;

    public CreditHandler(ICreditStore credits, ITeamStore teams, TimeProvider time)
    {
        _credits = credits;
        _teams = teams;
        _time = time;
    }

    public async Task<Result<CreditAccount>> Handle(GetCreditBalanceQuery request, CancellationToken cancellationToken)
    {
        if (TeamScope.TeamOf(request.Caller, request.TeamId) is not { } teamId)
        {
            return Error.Missing("team_id");
        }

        if (TeamScope.Check(request.Caller, teamId, "Cannot access credit balance for a different team") is { } refused)
        {
            return refused;
        }

        var account = await _credits.FindAsync(teamId, cancellationToken).ConfigureAwait(false);
        return account is null ? NoAccount(teamId) : account;
    }

    public async Task<Result<CreditAddition>> Handle(AddCreditsCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("add credits");
        }

        var teamId = request.TeamId!;
        if (await _teams.FindAsync(teamId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Error.NotFound("team_not_found", $"Team '{teamId}' not found");
        }

        var amount = request.Amount!.Value;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "Manual credit allocation" : request.Reason;
        var transaction = await _credits.AddAsync(teamId, amount, reason, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new CreditAddition(teamId, amount, transaction);
    }

    public async Task<Result<CreditTransactionList>> Handle(ListCreditTransactionsQuery request, CancellationToken cancellationToken)
    {
        if (TeamScope.TeamOf(request.Caller, request.TeamId) is not { } teamId)
        {
            return Error.Missing("team_id");
        }

        if (TeamScope.Check(request.Caller, teamId, "Cannot access credit transactions for a different team") is { } refused)
        {
            return refused;
        }

        if (await _credits.FindAsync(teamId, cancellationToken).ConfigureAwait(false) is null)
        {
            return NoAccount(teamId);
        }

        var transactions = await _credits.ListTransactionsAsync(teamId, request.Limit, request.Offset, cancellationToken).ConfigureAwait(false);
        return new CreditTransactionList(teamId, transactions.Count, transactions);
    }

    private static Error NoAccount(string teamId) => Error.NotFound("credit_account_not_found", $"No credit account found for team '{teamId}'");
}
