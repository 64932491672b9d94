using System.Collections.Concurrent;

namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>The reservations of requests in flight on this node, by request id; each is settled exactly once.</summary>
public sealed class ReservationBook
{
    private readonly ConcurrentDictionary<string, Reservation> _open = new(StringComparer.Ordinal);

    public int Count => _open.Count;

    public void Open(string requestId, Reservation reservation) => _open[requestId] = reservation;

    public bool TryClose(string requestId, out Reservation? reservation) => _open.TryRemove(requestId, out reservation);
}
