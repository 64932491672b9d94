using System.Net;
using System.Net.Sockets;

namespace LlmPlatform.TestSupport;

/// <summary>
/// A loopback TCP forwarder that a test can cut: while it is down, it refuses new connections and kills the
/// open ones, which is what a client sees when PostgreSQL or Redis goes away.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;

    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public bool IsUp => _listener is not null;

    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = new CancellationTokenSource();
        _ = AcceptLoopAsync(_listener, _accepting.Token);
    }

    public void Stop()
    {
        _accepting?.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_gate)
        {
            foreach (var client in _open)
            {
                try
                {
                    if (client.Client is { } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }

                    client.Close();
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                {
                }
            }

            _open.Clear();
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = PipeAsync(inbound, cancellationToken);
        }
    }

    private async Task PipeAsync(TcpClient inbound, CancellationToken cancellationToken)
    {
        var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(_targetHost, _targetPort, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            inbound.Close();
            outbound.Dispose();
            return;
        }

        lock (_gate)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }

        var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), cancellationToken);
        var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), cancellationToken);
        try
        {
            await Task.WhenAny(a, b);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }

            inbound.Close();
            outbound.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
