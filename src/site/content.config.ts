// The content collections of the site. Their loaders come from the Lore integration (through a
// virtual module that carries the integration's options), so this file stays the same for every
// repository the site is built for.
import { defineCollection } from 'astro:content';
import { loaders } from 'virtual:lore/content';

export const collections = Object.fromEntries(Object.entries(loaders).map(([name, loader]) => [name, defineCollection({ loader })]));
