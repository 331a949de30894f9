using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PushInventory.Contracts;

namespace PushInventory.Connectors.Tests;

public sealed class ConnectorSetupTests
{
    [Fact]
    public async Task For_Tokopedia_IsTheTikTokShopConnector()
    {
        await using var host = new ConnectorHost();

        host.Connectors.For(Marketplace.Tokopedia).ShouldBeSameAs(host.Connectors.For(Marketplace.TikTokShop));
        host.Connectors.For(Marketplace.Shopee).ShouldNotBeSameAs(host.Connectors.For(Marketplace.Lazada));
    }

    [Fact]
    public async Task Options_Defaults_AreTheDocumentedRates()
    {
        await using var host = new ConnectorHost(
            ("Connectors:Shopee:CallsPerSecond", "1.5"), ("Connectors:Shopee:Burst", "1"),
            ("Connectors:Lazada:CallsPerSecond", "10"), ("Connectors:TikTokShop:CallsPerSecond", "10"));

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        host.Services.GetRequiredService<IOptions<ShopeeOptions>>().Value.CallsPerSecond.ShouldBe(1.5);
        new ShopeeOptions().CallsPerSecond.ShouldBe(1.5);
        new LazadaOptions().BatchSize.ShouldBe(20);
        new LazadaOptions().CallsPerSecond.ShouldBe(10);
        new TikTokShopOptions().CallsPerSecond.ShouldBe(10);
        new TikTokShopOptions().BatchSize.ShouldBe(100);
    }

    [Theory]
    [InlineData("Connectors:Shopee:BatchSize", "51")]
    [InlineData("Connectors:Lazada:BatchSize", "0")]
    [InlineData("Connectors:TikTokShop:BatchSize", "101")]
    [InlineData("Connectors:Lazada:CallsPerSecond", "0")]
    [InlineData("Connectors:TikTokShop:Timeout", "00:00:00")]
    public async Task Options_OutOfRange_FailAtStart(string key, string value)
    {
        await using var host = new ConnectorHost((key, value));

        Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void StoreCredentials_ToString_HidesSecrets()
    {
        var text = StoreCredentials.TikTokShop("key", "the-secret", "the-token", "cipher").ToString();

        text.ShouldNotContain("the-secret");
        text.ShouldNotContain("the-token");
    }
}
