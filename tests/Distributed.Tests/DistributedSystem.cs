using MassTransit;
using PushInventory.TestSupport;

namespace PushInventory.Distributed.Tests;

/// <summary>
/// The distributed topology for real: service hosts as separate processes on RabbitMQ and PostgreSQL, each
/// service with a fresh database of its own, the gateway in front. A test bus on the same broker lets a
/// test publish what an upstream service or an order system would, and see what the services publish.
/// </summary>
public sealed class DistributedSystem : IAsyncDisposable
{
    public const string AdminKey = "distributed-admin-key";

    static readonly Dictionary<string, (string Project, string Database)> Services = new(StringComparer.Ordinal)
    {
        ["catalog"] = ("services/Catalog/Catalog.Host", "Catalog"),
        ["mapping"] = ("services/Mapping/Mapping.Host", "Mapping"),
        ["rules"] = ("services/Rules/Rules.Host", "Rules"),
        ["stock"] = ("services/Stock/Stock.Host", "Stock"),
        ["push"] = ("services/Push/Push.Host", "Push"),
    };

    readonly string _run = Guid.NewGuid().ToString("N")[..8];
    readonly List<ServiceProcess> _processes = [];
    readonly List<string> _databases = [];
    readonly string _keys = Path.Combine(Path.GetTempPath(), "pushinventory-tests", Guid.NewGuid().ToString("N"), "keys");
    readonly Dictionary<string, string> _connections = new(StringComparer.Ordinal);

    public IBusControl Bus { get; private set; } = null!;

    public ServiceProcess Gateway { get; private set; } = null!;

    public Dictionary<string, ServiceProcess> Hosts { get; } = new(StringComparer.Ordinal);

    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = Gateway.Address };
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        return client;
    }

    /// <summary>The connection string of a started service's database ("Push", "Stock", ...).</summary>
    public string ConnectionString(string database) => _connections[database];

    /// <summary>Starts the named services (instances may repeat, e.g. "push" twice), the gateway and the test bus.</summary>
    public async Task StartAsync(params string[] services)
    {
        Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(Infrastructure.RabbitMq));
        await Bus.StartAsync();

        var instances = services.GroupBy(s => s).ToList();
        foreach (var group in instances)
        {
            var (project, database) = Services[group.Key];
            var dbName = $"pi_{_run}_{group.Key}";
            _connections[database] = await Infrastructure.CreateDatabaseAsync(dbName);
            _databases.Add(dbName);
            for (var i = 0; i < group.Count(); i++)
            {
                var env = CommonEnvironment();
                env[$"ConnectionStrings__{database}Db"] = _connections[database];
                var name = i == 0 ? group.Key : $"{group.Key}{i + 1}";
                Hosts[name] = await ServiceProcess.StartAsync(name, project, env);
                _processes.Add(Hosts[name]);
            }
        }

        var gatewayDb = $"pi_{_run}_gateway";
        var gatewayEnv = CommonEnvironment();
        gatewayEnv["ConnectionStrings__GatewayDb"] = await Infrastructure.CreateDatabaseAsync(gatewayDb);
        _databases.Add(gatewayDb);
        gatewayEnv["Gateway__AdminApiKey"] = AdminKey;
        foreach (var name in Services.Keys.Where(Hosts.ContainsKey))
        {
            gatewayEnv[$"ReverseProxy__Clusters__{name}__Destinations__default__Address"] = Hosts[name].Address.ToString();
        }

        Gateway = await ServiceProcess.StartAsync("gateway", "services/Gateway/Gateway.Host", gatewayEnv);
        _processes.Add(Gateway);
    }

    /// <summary>Starts the Sandbox marketplace as its own process.</summary>
    public async Task<ServiceProcess> StartSandboxAsync()
    {
        var sandbox = await ServiceProcess.StartAsync("sandbox", "services/Sandbox", new Dictionary<string, string>());
        _processes.Add(sandbox);
        return sandbox;
    }

    Dictionary<string, string> CommonEnvironment() => new(StringComparer.Ordinal)
    {
        ["Messaging__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = Infrastructure.RabbitMq.ToString(),
        ["Persistence__Provider"] = "Postgres",
        ["DataProtection__KeysDirectory"] = _keys,
        ["Outbox__PollInterval"] = "00:00:01",
    };

    /// <summary>Everything the processes printed, for a failure message.</summary>
    public string Logs() => string.Join("\n", _processes.Select(p => p.Tail(40)));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (Bus is not null)
        {
            await Bus.StopAsync();
        }

        foreach (var database in _databases)
        {
            await Infrastructure.DropDatabaseAsync(database);
        }
    }
}
