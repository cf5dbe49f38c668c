//! The address a request came from: the peer, or — when the peer is a trusted reverse proxy
//! (`HOSO_TRUSTED_PROXIES`) — the address it forwarded. Sign-in throttling counts failures per
//! this address and the audit trail records it, so a forged `X-Forwarded-For` from anyone else
//! is ignored.

use std::net::IpAddr;

use actix_web::HttpRequest;
use ipnet::IpNet;

use crate::state::AppState;

/// A trusted proxy as configured: an address (`10.0.0.5`, `::1`) or a range (`10.0.0.0/8`).
pub fn parse_trusted(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("'{text}' is neither an IP address nor a CIDR range such as 10.0.0.0/8"))
}

/// The client: the peer unless it is trusted; then the `X-Forwarded-For` entries from the
/// right, skipping trusted hops — the first one not trusted is the client. An entry that is not
/// an address ends the walk at the last trusted hop (a proxy appends only addresses).
pub fn client_of(peer: Option<IpAddr>, forwarded_for: Option<&str>, trusted: &[IpNet]) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer?;
    if !is_trusted(&client) {
        return Some(client);
    }
    for hop in forwarded_for.unwrap_or_default().rsplit(',') {
        let Some(ip) = parse_hop(hop.trim()) else {
            break;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    Some(client)
}

/// An entry of `X-Forwarded-For`: an address, possibly with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Ok(socket) = hop.parse::<std::net::SocketAddr>() {
        return Some(socket.ip());
    }
    None
}

/// The client address of `req` under the server's trusted proxies.
pub fn of_request(req: &HttpRequest) -> Option<String> {
    let trusted = req
        .app_data::<actix_web::web::Data<AppState>>()
        .map(|state| state.trusted_proxies.as_slice())
        .unwrap_or_default();
    let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
    client_of(req.peer_addr().map(|a| a.ip()), forwarded, trusted).map(|ip| ip.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let trusted = [
            parse_trusted("10.0.0.0/8").unwrap(),
            parse_trusted("::1").unwrap(),
        ];
        // Straight from a client: the header is the client's own claim, ignored.
        assert_eq!(
            client_of(Some(ip("203.0.113.7")), Some("198.51.100.1"), &trusted),
            Some(ip("203.0.113.7"))
        );
        // Through the proxy: the rightmost untrusted entry, whatever the client prepended.
        assert_eq!(
            client_of(
                Some(ip("10.0.0.5")),
                Some("1.1.1.1, 198.51.100.9, 10.0.0.9"),
                &trusted
            ),
            Some(ip("198.51.100.9"))
        );
        assert_eq!(
            client_of(Some(ip("::1")), Some("[2001:db8::7]:443"), &trusted),
            Some(ip("2001:db8::7"))
        );
        // No header, or garbage in it: the proxy's own address.
        assert_eq!(
            client_of(Some(ip("10.0.0.5")), None, &trusted),
            Some(ip("10.0.0.5"))
        );
        assert_eq!(
            client_of(Some(ip("10.0.0.5")), Some("not-an-ip"), &trusted),
            Some(ip("10.0.0.5"))
        );
        assert!(parse_trusted("10.0.0.0/33").is_err());
        assert!(parse_trusted("proxy.local").is_err());
    }
}
