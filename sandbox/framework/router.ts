import type { Route } from './types';

interface CompiledRoute<S> {
	route: Route<S>;
	regex: RegExp;
	keys: string[];
}

export function compileRoutes<S>(routes: Route<S>[]): CompiledRoute<S>[] {
	return routes.map((route) => {
		const keys: string[] = [];
		const pattern = route.path
			.split('/')
			.map((part) => {
				if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				keys.push(part.slice(1));
				return '([^/]+)';
			})
			.join('/');
		return { route, regex: new RegExp(`^${pattern}/?$`), keys };
	});
}

export function matchRoute<S>(
	compiled: CompiledRoute<S>[],
	method: string,
	path: string,
): { route: Route<S>; params: Record<string, string> } | { methodNotAllowed: true } | undefined {
	let pathMatched = false;
	for (const { route, regex, keys } of compiled) {
		const match = regex.exec(path);
		if (!match) continue;
		pathMatched = true;
		if (route.method !== method) continue;
		const params: Record<string, string> = {};
		keys.forEach((key, i) => (params[key] = decodeURIComponent(match[i + 1])));
		return { route, params };
	}
	return pathMatched ? { methodNotAllowed: true } : undefined;
}
