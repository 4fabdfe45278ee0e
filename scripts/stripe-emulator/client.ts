import Stripe from "stripe";
import { API_VERSION } from "./events";

/** The official SDK pointed at an emulator (tests, the benchmark); the emulator only checks that a key is sent. */
export function emulatorClient(emulator: { port: number }, key = "sk_test_emulator"): Stripe {
  return new Stripe(key, { host: "127.0.0.1", port: emulator.port, protocol: "http", apiVersion: API_VERSION, maxNetworkRetries: 0 });
}
