using System.Globalization;
using Yarp.ReverseProxy.Configuration;

// The benchmark's floor for one extra hop: a YARP reverse proxy with one catch-all route and no other work.
// Usage: --port N --upstream http://127.0.0.1:M
var port = 0;
var upstream = "http://127.0.0.1:8000";
for (var i = 0; i + 1 < args.Length; i++)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--upstream":
            upstream = args[++i];
            break;
        default:
            break;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**rest}" } }],
    [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["only"] = new() { Address = upstream } } }]);
var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
