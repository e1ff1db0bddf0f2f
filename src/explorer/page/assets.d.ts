// Lets TypeScript type-check the browser entry's CSS import (esbuild bundles it).
declare module '*.css';
