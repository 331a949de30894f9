using PushInventory.Connectors.Lazada;
using PushInventory.Connectors.Shopee;
using PushInventory.Connectors.TikTokShop;

namespace PushInventory.Connectors.Tests;

public sealed class SigningTests
{
    [Fact]
    public void ShopeeSigner_FixedInputs_MatchesIndependentHmac()
    {
        var sign = ShopeeSigner.Sign("test_partner_key", 2001887, "/api/v2/product/update_stock", 1700000000, "test_access_token", 14701711);

        // python3 -c 'import hmac,hashlib;print(hmac.new(b"test_partner_key",b"2001887/api/v2/product/update_stock1700000000test_access_token14701711",hashlib.sha256).hexdigest())'
        sign.ShouldBe("ee01224ddee617563ae2f2e857cdd02f6d80beb9c3b1c5ae4542f933ec426015");
    }

    [Fact]
    public void LazadaSigner_DocumentedExample_BuildsStringToSign()
    {
        var text = LazadaSigner.StringToSign("/test/api", Params(("foo", "1"), ("bar", "2"), ("foo_bar", "3"), ("foobar", "4"), ("sign", "ignored")));

        text.ShouldBe("/test/apibar2foo1foo_bar3foobar4");
    }

    [Fact]
    public void LazadaSigner_DocumentedExample_MatchesIndependentHmac()
    {
        var sign = LazadaSigner.Sign("helloworld", "/test/api", Params(("foo", "1"), ("bar", "2"), ("foo_bar", "3"), ("foobar", "4")));

        // python3 -c 'import hmac,hashlib;print(hmac.new(b"helloworld",b"/test/apibar2foo1foo_bar3foobar4",hashlib.sha256).hexdigest().upper())'
        sign.ShouldBe("BD011266EC150C787B2201495AA2D6F326BB6910DE77E84EA28F5215DCD7FA5E");
    }

    [Fact]
    public void LazadaSigner_StockPayload_MatchesIndependentHmac()
    {
        const string payload = "<Request><Product><Skus><Sku><ItemId>1</ItemId><SkuId>2</SkuId><SellerSku>A-1</SellerSku><SellableQuantity>5</SellableQuantity></Sku></Skus></Product></Request>";
        var sign = LazadaSigner.Sign("test_app_secret", "/product/stock/sellable/update", Params(
            ("app_key", "100132"), ("timestamp", "1700000000000"), ("access_token", "test_access_token"), ("sign_method", "sha256"), ("payload", payload)));

        // python3 -c 'import hmac,hashlib;print(hmac.new(b"test_app_secret",b"/product/stock/sellable/updateaccess_tokentest_access_tokenapp_key100132payload<Request><Product><Skus><Sku><ItemId>1</ItemId><SkuId>2</SkuId><SellerSku>A-1</SellerSku><SellableQuantity>5</SellableQuantity></Sku></Skus></Product></Request>sign_methodsha256timestamp1700000000000",hashlib.sha256).hexdigest().upper())'
        sign.ShouldBe("92F3E3D9E05AF3A771865ED6A8EBBCEF928EDF1F7CCAFD27C92228AC2782DF55");
    }

    [Fact]
    public void TikTokShopSigner_FixedInputs_IgnoresSignAndAccessTokenAndMatchesIndependentHmac()
    {
        const string body = """{"skus":[{"id":"1729592969712207001","inventory":[{"warehouse_id":"7068517275539719942","quantity":5}]}]}""";
        var sign = TikTokShopSigner.Sign(
            "test_app_secret",
            "/product/202309/products/1729592969712207000/inventory/update",
            Params(("timestamp", "1700000000"), ("shop_cipher", "ROW_abc"), ("app_key", "6abc"), ("access_token", "not-signed"), ("sign", "not-signed")),
            body);

        // python3 -c 'import hmac,hashlib;s=b"test_app_secret";print(hmac.new(s,s+b"/product/202309/products/1729592969712207000/inventory/updateapp_key6abcshop_cipherROW_abctimestamp1700000000"+b"{\"skus\":[{\"id\":\"1729592969712207001\",\"inventory\":[{\"warehouse_id\":\"7068517275539719942\",\"quantity\":5}]}]}"+s,hashlib.sha256).hexdigest())'
        sign.ShouldBe("a1311260ce640691b5b3057f2f66c4f2316a7a51acb36cafe0e7acf755736b11");
    }

    private static List<KeyValuePair<string, string>> Params(params (string Key, string Value)[] pairs) =>
        [.. pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))];
}
