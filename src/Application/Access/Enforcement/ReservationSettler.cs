using LlmPlatform.Domain.Common;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>
/// Settles a request's reservation: the budget counters get the real cost instead of the reserved one, the token
/// counters the tokens used, and the request leaves the parallel counters. Raises soft-budget alerts.
/// </summary>
public sealed partial class ReservationSettler
{
    private readonly ReservationBook _book;
    private readonly ILimitStore _store;
    private readonly IBudgetAlertSink _alerts;
    private readonly TimeProvider _time;
    private readonly ILogger<ReservationSettler> _logger;

    public ReservationSettler(ReservationBook book, ILimitStore store, IBudgetAlertSink alerts, TimeProvider time, ILogger<ReservationSettler> logger)
    {
        _book = book;
        _store = store;
        _alerts = alerts;
        _time = time;
        _logger = logger;
    }

    /// <summary>Settles the request if it holds a reservation; does nothing the second time.</summary>
    public async ValueTask SettleAsync(string requestId, decimal cost, long totalTokens, CancellationToken cancellationToken)
    {
        if (!_book.TryClose(requestId, out var reservation))
        {
            return;
        }

        var costNanos = Nanos.FromUsd(Math.Max(0, cost));
        var adjustments = new List<LimitAdjustment>(reservation!.Checks.Count);
        foreach (var check in reservation.Checks)
        {
            switch (check.Kind)
            {
                case LimitKind.Budget:
                    adjustments.Add(new LimitAdjustment(check.Key, check.Kind, costNanos - check.Amount, check.Ttl));
                    break;
                case LimitKind.Tokens when totalTokens > 0:
                    adjustments.Add(new LimitAdjustment(check.Key, check.Kind, totalTokens, check.Ttl));
                    break;
                case LimitKind.Parallel:
                    adjustments.Add(new LimitAdjustment(check.Key, check.Kind, -1, check.Ttl));
                    break;
            }
        }

        if (adjustments.Count == 0)
        {
            return;
        }

        IReadOnlyList<long> values;
        try
        {
            values = await _store.SettleAsync(adjustments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSettleFailed(_logger, ex.GetType().Name);
            return;
        }

        foreach (var watch in reservation.SoftBudgets)
        {
            var index = adjustments.FindIndex(a => a.Key == watch.CounterKey);
            if (index < 0)
            {
                continue;
            }

            var after = Nanos.ToUsd(values[index]);
            var before = Nanos.ToUsd(values[index] - costNanos);
            if (after >= watch.SoftBudget && before < watch.SoftBudget)
            {
                _alerts.Publish(new BudgetAlert(watch.Scope, watch.Id, watch.SoftBudget, after, watch.MaxBudget, _time.GetUtcNow()) { Owner = watch.Owner });
            }
        }
    }

    /// <summary>Starts settling without waiting: the usage path never blocks on the counters.</summary>
    public void SettleInBackground(string requestId, decimal cost, long totalTokens)
    {
        var pending = SettleAsync(requestId, cost, totalTokens, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            _ = pending.AsTask();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling a reservation failed ({Error}); the counters expire on their own")]
    private static partial void LogSettleFailed(ILogger logger, string error);
}
